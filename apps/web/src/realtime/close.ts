/** Close the socket without pulling socket.io-client into pages that never open one. */
export function closeSocketLazily(): void {
  void import('./socket').then((m) => m.closeSocket());
}
