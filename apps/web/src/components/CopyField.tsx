import { useId, useRef, useState } from 'react';

/** A read-only value (an invite link) with a copy button that says when it worked. */
export function CopyField({ label, value, testId }: { label: string; value: string; testId: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'select'>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('copied');
    } catch {
      // No clipboard access (http, old browser): select the text for a manual copy.
      input.current?.select();
      setCopied('select');
    }
  }

  return (
    <div className="field copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="input-row">
        <input id={id} ref={input} readOnly value={value} data-testid={testId} onFocus={(e) => e.target.select()} />
        <button type="button" className="button" onClick={copy} data-testid={`${testId}-copy`}>
          Copy
        </button>
      </div>
      <p className="hint" aria-live="polite">
        {copied === 'copied'
          ? 'Copied — share it with your members.'
          : copied === 'select'
            ? 'Selected — copy it with your device’s menu.'
            : ''}
      </p>
    </div>
  );
}
