{{- define "auction.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "auction.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else if contains (include "auction.name" .) .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name (include "auction.name" .) | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "auction.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/part-of: auction-platform
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Values.image.tag | quote }}
{{- end -}}

{{- /* Selector labels of one component: pass (dict "root" $ "name" "auth") */ -}}
{{- define "auction.selector" -}}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/name: {{ .name }}
{{- end -}}

{{- /* Every Deployment of the chart: the four services and web, as YAML (use with fromYaml). */ -}}
{{- define "auction.deployments" -}}
{{- $all := dict -}}
{{- range $name, $svc := .Values.services -}}
{{- $_ := set $all $name (dict "spec" $svc "component" "service") -}}
{{- end -}}
{{- $_ := set $all "web" (dict "spec" .Values.web "component" "web") -}}
{{- toYaml $all -}}
{{- end -}}

{{- /* The route table's fragment (files/routes.yaml, generated from libs/shared/cluster/src/routes.ts). */ -}}
{{- define "auction.routes" -}}
{{- .Files.Get "files/routes.yaml" -}}
{{- end -}}

{{- define "auction.publicUrl" -}}
{{- if .Values.config.publicUrl -}}
{{- .Values.config.publicUrl -}}
{{- else -}}
{{- printf "https://%s" (first .Values.ingress.hosts) -}}
{{- end -}}
{{- end -}}

{{- /* A secret key as an env entry: pass (dict "root" $ "key" "DATABASE_URL" "optional" false) */ -}}
{{- define "auction.secretEnv" -}}
- name: {{ .key }}
  valueFrom:
    secretKeyRef:
      name: {{ .root.Values.secrets.existingSecret }}
      key: {{ .key }}
      {{- if .optional }}
      optional: true
      {{- end }}
{{- end -}}

{{- define "auction.podSecurity" -}}
runAsNonRoot: true
runAsUser: {{ . }}
runAsGroup: {{ . }}
fsGroup: {{ . }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "auction.containerSecurity" -}}
runAsNonRoot: true
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop: ["ALL"]
{{- end -}}

{{- /* Pod spread over nodes: pass (dict "root" $ "name" "auth") */ -}}
{{- define "auction.topologySpread" -}}
- maxSkew: 1
  topologyKey: {{ .root.Values.topologySpread.topologyKey }}
  whenUnsatisfiable: {{ .root.Values.topologySpread.whenUnsatisfiable }}
  labelSelector:
    matchLabels:
      {{- include "auction.selector" . | nindent 6 }}
{{- end -}}

{{- /* The pre-stop pause that lets the endpoints controller drain a pod before SIGTERM. */ -}}
{{- define "auction.preStop" -}}
preStop:
  exec:
    command: ["sleep", "{{ .Values.preStopSleepSeconds }}"]
{{- end -}}
