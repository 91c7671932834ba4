"""Generated corpora for tests/bench/run.sh: deterministic (fixed seed), written under a scratch directory.

hcl-flat     2,000 small .tf files (buckets and their versioning) in one root module
hcl-modules  a root calling a module 200 times, for_each over regions, three levels deep
hcl-10k      10,000 .tf files (about 27 MB) in 100 root modules: buckets, databases, instances,
             IAM policies, locals with `for`, dynamic blocks, outputs, local module calls
plan         5,000 resources of a `terraform show -json` plan on one line
k8s-yaml     1,000 multi-document Kubernetes manifest files (about 6,000 objects): Deployments,
             StatefulSets, Services, ConfigMaps, Ingresses, PVCs, CronJobs, RBAC, HPAs
precommit    200 root modules of 10 files (2,000 in all) under git, for a 3-file pre-commit run
"""
import json
import os
import random

REGIONS = ["eu-west-1", "eu-central-1", "eu-north-1", "eu-south-1", "us-east-1"]


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def hcl_flat(d, scale):
    write(os.path.join(d, "providers.tf"),
          'provider "aws" {\n  region = var.region\n}\nvariable "region" {\n  default = "eu-west-1"\n}\n')
    for i in range(2000 * scale):
        parts = []
        for j in range(5):
            parts.append(f'''resource "aws_s3_bucket" "b{i}_{j}" {{
  bucket = "bucket-{i}-{j}-${{var.region}}"
  tags   = {{ Name = "b{i}_{j}", env = lower("PROD") }}
}}

resource "aws_s3_bucket_versioning" "v{i}_{j}" {{
  bucket = aws_s3_bucket.b{i}_{j}.id
  versioning_configuration {{
    status = "Enabled"
  }}
}}
''')
        write(os.path.join(d, f"f{i}.tf"), "".join(parts))


def hcl_modules(d, scale):
    write(os.path.join(d, "main.tf"), 'provider "aws" {\n  region = "eu-west-1"\n}\n' + "".join(
        f'module "site{i}" {{\n  source  = "./modules/site"\n  name    = "s{i}"\n'
        f'  regions = {json.dumps(REGIONS)}\n}}\n' for i in range(200 * scale)))
    write(os.path.join(d, "modules", "site", "main.tf"), '''variable "name" {}
variable "regions" {}
module "bucket" {
  source   = "../bucket"
  for_each = toset(var.regions)
  name     = "${var.name}-${each.key}"
  region   = each.value
}
''')
    write(os.path.join(d, "modules", "bucket", "main.tf"), '''variable "name" {}
variable "region" {}
resource "aws_s3_bucket" "this" {
  bucket = var.name
  region = var.region
}
''')


# --- hcl-10k: blocks of the kinds real module repositories are made of --------------------------

def _bucket(n, r):
    return f'''resource "aws_s3_bucket" "data_{n}" {{
  bucket        = "${{var.prefix}}-data-{n}-${{var.environment}}"
  force_destroy = {str(r.random() < 0.2).lower()}

  tags = merge(local.common_tags, {{
    Name      = "data-{n}"
    Component = "storage"
  }})
}}

resource "aws_s3_bucket_versioning" "data_{n}" {{
  bucket = aws_s3_bucket.data_{n}.id
  versioning_configuration {{
    status = var.versioning ? "Enabled" : "Suspended"
  }}
}}

resource "aws_s3_bucket_server_side_encryption_configuration" "data_{n}" {{
  bucket = aws_s3_bucket.data_{n}.id

  rule {{
    apply_server_side_encryption_by_default {{
      kms_master_key_id = var.kms_key_arn
      sse_algorithm     = "aws:kms"
    }}
    bucket_key_enabled = true
  }}
}}

resource "aws_s3_bucket_public_access_block" "data_{n}" {{
  bucket                  = aws_s3_bucket.data_{n}.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}}
'''


def _database(n, r):
    engine, version = r.choice([("postgres", "15.4"), ("mysql", "8.0.35"), ("mariadb", "10.11.5")])
    return f'''resource "aws_db_instance" "db_{n}" {{
  identifier                 = "${{var.prefix}}-db-{n}"
  engine                     = "{engine}"
  engine_version             = "{version}"
  instance_class             = var.environment == "prod" ? "db.r6g.large" : "db.t4g.medium"
  allocated_storage          = {r.choice([20, 50, 100, 200])}
  max_allocated_storage      = {r.choice([200, 500, 1000])}
  storage_encrypted          = true
  kms_key_id                 = var.kms_key_arn
  multi_az                   = var.environment == "prod"
  backup_retention_period    = {r.randint(1, 35)}
  deletion_protection        = true
  skip_final_snapshot        = false
  final_snapshot_identifier  = "${{var.prefix}}-db-{n}-final"
  auto_minor_version_upgrade = true
  db_subnet_group_name       = var.db_subnet_group
  vpc_security_group_ids     = [for sg in var.security_groups : sg.id if sg.enabled]

  tags = local.common_tags
}}
'''


def _instances(n, r):
    return f'''resource "aws_instance" "worker_{n}" {{
  for_each      = {{ for idx, name in var.worker_names : name => idx }}
  ami           = data.aws_ami.base.id
  instance_type = lookup(var.instance_types, each.key, "t3.medium")
  subnet_id     = element(var.subnet_ids, each.value % length(var.subnet_ids))

  root_block_device {{
    volume_size = {r.choice([20, 40, 80])}
    volume_type = "gp3"
    encrypted   = true
  }}

  dynamic "ebs_block_device" {{
    for_each = var.extra_volumes
    content {{
      device_name = ebs_block_device.value.device
      volume_size = ebs_block_device.value.size
      encrypted   = true
    }}
  }}

  user_data = <<-EOT
    #!/bin/bash
    echo "worker ${{each.key}} of {n}" > /etc/motd
    systemctl enable --now agent
  EOT

  tags = merge(local.common_tags, {{ Name = "worker-{n}-${{each.key}}" }})
}}
'''


def _policy(n, r):
    return f'''data "aws_iam_policy_document" "read_{n}" {{
  statement {{
    sid       = "Read{n}"
    effect    = "Allow"
    actions   = ["s3:GetObject", "s3:ListBucket"]
    resources = ["arn:aws:s3:::${{var.prefix}}-data-{n}", "arn:aws:s3:::${{var.prefix}}-data-{n}/*"]

    condition {{
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = [var.organization_id]
    }}
  }}
}}

resource "aws_iam_policy" "read_{n}" {{
  name   = "${{var.prefix}}-read-{n}"
  policy = data.aws_iam_policy_document.read_{n}.json
}}

resource "aws_iam_role_policy_attachment" "read_{n}" {{
  role       = var.role_name
  policy_arn = aws_iam_policy.read_{n}.arn
}}
'''


def _locals(n, r):
    return f'''locals {{
  subnets_{n} = {{
    for idx, cidr in var.cidrs : "subnet-{n}-${{idx}}" => {{
      cidr = cidr
      zone = element(var.zones, idx)
      tags = {{ Tier = idx < 2 ? "public" : "private" }}
    }}
  }}
  names_{n}   = [for k, v in local.subnets_{n} : upper(k) if v.zone != ""]
  joined_{n}  = join(",", sort(local.names_{n}))
  port_{n}    = {r.randint(1024, 65535)}
}}

output "subnet_names_{n}" {{
  description = "Subnets of group {n}"
  value       = local.names_{n}
}}
'''


def _gcp_azure(n, r):
    return f'''resource "google_storage_bucket" "archive_{n}" {{
  name                        = "${{var.prefix}}-archive-{n}"
  location                    = "{r.choice(["EU", "europe-west1", "europe-west4", "US"])}"
  storage_class               = "NEARLINE"
  uniform_bucket_level_access = true

  lifecycle_rule {{
    condition {{
      age = {r.choice([30, 90, 365])}
    }}
    action {{
      type = "Delete"
    }}
  }}
}}

resource "azurerm_storage_account" "logs_{n}" {{
  name                     = "logs{n}${{var.environment}}"
  resource_group_name      = var.resource_group
  location                 = "{r.choice(["westeurope", "northeurope", "germanywestcentral", "eastus"])}"
  account_tier             = "Standard"
  account_replication_type = "{r.choice(["LRS", "ZRS", "GRS"])}"
  min_tls_version          = "TLS1_2"
}}
'''


def _module_call(n, r):
    return f'''module "queue_{n}" {{
  source      = "../modules/queue"
  name        = "${{var.prefix}}-queue-{n}"
  retention   = {r.choice([86400, 345600, 1209600])}
  kms_key_arn = var.kms_key_arn
  tags        = local.common_tags
}}
'''


_KINDS = [_bucket, _database, _instances, _policy, _locals, _gcp_azure, _module_call]

_STACK_COMMON = '''terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region
}

provider "google" {
  region = "europe-west1"
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "prefix" {
  type    = string
  default = "acme"
}

variable "environment" {
  type    = string
  default = "prod"
}

variable "versioning" {
  type    = bool
  default = true
}

variable "kms_key_arn" {
  type    = string
  default = null
}

variable "security_groups" {
  type = list(object({ id = string, enabled = optional(bool, true) }))
  default = []
}

variable "worker_names" {
  type    = list(string)
  default = ["a", "b"]
}

variable "instance_types" {
  type    = map(string)
  default = {}
}

variable "subnet_ids" {
  type    = list(string)
  default = ["subnet-1", "subnet-2"]
}

variable "extra_volumes" {
  type    = list(object({ device = string, size = number }))
  default = []
}

variable "cidrs" {
  type    = list(string)
  default = ["10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24"]
}

variable "zones" {
  type    = list(string)
  default = ["eu-west-1a", "eu-west-1b"]
}

variable "organization_id" {
  type    = string
  default = "o-example"
}

variable "role_name" {
  type    = string
  default = "app"
}

variable "db_subnet_group" {
  type    = string
  default = "default"
}

variable "resource_group" {
  type    = string
  default = "rg-app"
}

data "aws_ami" "base" {
  most_recent = true
  owners      = ["amazon"]
}

locals {
  common_tags = {
    Environment = var.environment
    ManagedBy   = "terraform"
    Owner       = "platform"
  }
}
'''

_QUEUE_MODULE = '''variable "name" { type = string }
variable "retention" { type = number }
variable "kms_key_arn" { type = string }
variable "tags" { type = map(string) }

resource "aws_sqs_queue" "this" {
  name                      = var.name
  message_retention_seconds = var.retention
  kms_master_key_id         = var.kms_key_arn
  tags                      = var.tags
}

output "arn" {
  value = aws_sqs_queue.this.arn
}
'''


def hcl_10k(d, scale):
    r = random.Random(11)
    stacks, per_stack = 100 * scale, 100
    write(os.path.join(d, "modules", "queue", "main.tf"), _QUEUE_MODULE)
    n = 0
    for s in range(stacks):
        stack = os.path.join(d, f"stack{s:03d}")
        write(os.path.join(stack, "main.tf"), _STACK_COMMON)
        # 10,000 files in all: 99 per stack plus main.tf, plus the shared module
        for i in range(per_stack - 1 - (1 if s == 0 else 0)):
            parts = []
            while sum(map(len, parts)) < 2300:
                parts.append(_KINDS[n % len(_KINDS)](n, r))
                n += 1
            write(os.path.join(stack, f"f{i:02d}.tf"), "\n".join(parts))
    # module sources are relative to each stack: ../modules/queue


def plan(d, scale):
    resources = [{"address": f"aws_s3_bucket.b{i}", "mode": "managed", "type": "aws_s3_bucket", "name": f"b{i}",
                  "provider_name": "registry.terraform.io/hashicorp/aws", "schema_version": 0,
                  "values": {"bucket": f"b{i}", "region": REGIONS[i % len(REGIONS)], "force_destroy": False}}
                 for i in range(5000 * scale)]
    doc = {"format_version": "1.2", "terraform_version": "1.9.5", "variables": {},
           "planned_values": {"root_module": {"resources": resources}},
           "configuration": {"provider_config": {"aws": {"name": "aws", "expressions": {"region": {"constant_value": "eu-west-1"}}}},
                             "root_module": {"resources": []}}}
    write(os.path.join(d, "tfplan.json"), json.dumps(doc, separators=(",", ":")))


# --- k8s-yaml ---------------------------------------------------------------------------------

def _labels(app, team, indent):
    pad = " " * indent
    return f"{pad}app.kubernetes.io/name: {app}\n{pad}app.kubernetes.io/part-of: {team}\n{pad}app.kubernetes.io/managed-by: kustomize\n"


def _container(app, r, indent):
    p = " " * indent
    image = r.choice(["nginx:1.25.3", "python:3.12-slim", "ghcr.io/acme/api:v2.4.1", "redis:7.2", "vllm/vllm-openai:v0.4.2"])
    env = "".join(f"{p}    - name: VAR_{k}\n{p}      value: \"{r.randint(0, 10**6)}\"\n" for k in range(r.randint(2, 6)))
    return f'''{p}- name: {app}
{p}  image: {image}
{p}  imagePullPolicy: IfNotPresent
{p}  args: ["--port=8080", "--log-level=info", "--workers={r.randint(1, 8)}"]
{p}  ports:
{p}    - name: http
{p}      containerPort: 8080
{p}      protocol: TCP
{p}  env:
{env}{p}    - name: DB_PASSWORD
{p}      valueFrom:
{p}        secretKeyRef:
{p}          name: {app}-db
{p}          key: password
{p}  envFrom:
{p}    - configMapRef:
{p}        name: {app}-config
{p}  resources:
{p}    requests:
{p}      cpu: {r.choice(["100m", "250m", "500m", "1"])}
{p}      memory: {r.choice(["128Mi", "256Mi", "1Gi"])}
{p}    limits:
{p}      cpu: "{r.choice([1, 2, 4])}"
{p}      memory: {r.choice(["512Mi", "2Gi", "8Gi"])}
{p}  readinessProbe:
{p}    httpGet:
{p}      path: /healthz
{p}      port: http
{p}    initialDelaySeconds: 5
{p}    periodSeconds: 10
{p}  livenessProbe:
{p}    tcpSocket:
{p}      port: http
{p}    failureThreshold: 3
{p}  securityContext:
{p}    runAsNonRoot: true
{p}    readOnlyRootFilesystem: true
{p}    allowPrivilegeEscalation: false
{p}    capabilities:
{p}      drop: ["ALL"]
{p}  volumeMounts:
{p}    - name: data
{p}      mountPath: /var/lib/{app}
{p}    - name: config
{p}      mountPath: /etc/{app}
{p}      readOnly: true
'''


def _pod_spec(app, r, indent, pinned):
    p = " " * indent
    selector = ""
    if pinned:
        selector = f"{p}nodeSelector:\n{p}  topology.kubernetes.io/region: {r.choice(['eu-west-1', 'europe-west4', 'westeurope', 'us-east-1'])}\n"
    return f'''{p}serviceAccountName: {app}
{selector}{p}containers:
{_container(app, r, indent + 2)}{p}volumes:
{p}  - name: data
{p}    persistentVolumeClaim:
{p}      claimName: {app}-data
{p}  - name: config
{p}    configMap:
{p}      name: {app}-config
{p}tolerations:
{p}  - key: dedicated
{p}    operator: Equal
{p}    value: {app}
{p}    effect: NoSchedule
'''


def _k8s_app(app, ns, team, r):
    kind = r.choice(["Deployment", "Deployment", "StatefulSet"])
    docs = [f'''apiVersion: v1
kind: ConfigMap
metadata:
  name: {app}-config
  namespace: {ns}
  labels:
{_labels(app, team, 4)}data:
  LOG_FORMAT: json
  CACHE_TTL: "{r.randint(10, 3600)}"
  settings.yaml: |
    server:
      port: 8080
      timeout: {r.randint(1, 60)}s
    features:
      - search
      - export
''', f'''apiVersion: apps/v1
kind: {kind}
metadata:
  name: {app}
  namespace: {ns}
  labels:
{_labels(app, team, 4)}  annotations:
    deployment.kubernetes.io/revision: "{r.randint(1, 40)}"
spec:
  replicas: {r.randint(1, 6)}
''' + (f"  serviceName: {app}\n" if kind == "StatefulSet" else "") + f'''  selector:
    matchLabels:
      app.kubernetes.io/name: {app}
  template:
    metadata:
      labels:
{_labels(app, team, 8)}    spec:
{_pod_spec(app, r, 6, r.random() < 0.5)}''', f'''apiVersion: v1
kind: Service
metadata:
  name: {app}
  namespace: {ns}
  labels:
{_labels(app, team, 4)}spec:
  type: ClusterIP
  selector:
    app.kubernetes.io/name: {app}
  ports:
    - name: http
      port: 80
      targetPort: http
''', f'''apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: {app}-data
  namespace: {ns}
spec:
  accessModes: ["ReadWriteOnce"]
  storageClassName: {r.choice(["gp3", "standard-rwo", "managed-csi"])}
  resources:
    requests:
      storage: {r.choice(["10Gi", "50Gi", "200Gi"])}
''', f'''apiVersion: v1
kind: ServiceAccount
metadata:
  name: {app}
  namespace: {ns}
''']
    extra = r.choice(["ingress", "hpa", "cronjob", "rbac"])
    if extra == "ingress":
        docs.append(f'''apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {app}
  namespace: {ns}
  annotations:
    cert-manager.io/cluster-issuer: letsencrypt
spec:
  ingressClassName: nginx
  tls:
    - hosts: ["{app}.example.com"]
      secretName: {app}-tls
  rules:
    - host: {app}.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: {app}
                port:
                  name: http
''')
    elif extra == "hpa":
        docs.append(f'''apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {app}
  namespace: {ns}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: {kind}
    name: {app}
  minReplicas: 2
  maxReplicas: {r.randint(4, 20)}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 70
''')
    elif extra == "cronjob":
        docs.append(f'''apiVersion: batch/v1
kind: CronJob
metadata:
  name: {app}-backup
  namespace: {ns}
spec:
  schedule: "{r.randint(0, 59)} {r.randint(0, 23)} * * *"
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: backup
              image: ghcr.io/acme/backup:1.3.0
              args: ["--target", "s3://acme-backups-eu/{app}", "--region", "eu-west-1"]
''')
    else:
        docs.append(f'''apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: {app}
  namespace: {ns}
rules:
  - apiGroups: [""]
    resources: ["configmaps", "secrets"]
    verbs: ["get", "list", "watch"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: {app}
  namespace: {ns}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: {app}
subjects:
  - kind: ServiceAccount
    name: {app}
    namespace: {ns}
''')
    return "---\n".join(docs)


def k8s_yaml(d, scale):
    r = random.Random(12)
    teams = ["search", "payments", "ml", "platform", "data"]
    for i in range(1000 * scale):
        team = teams[i % len(teams)]
        env = ["dev", "staging", "prod"][i % 3]
        write(os.path.join(d, team, env, f"app{i:04d}.yaml"), _k8s_app(f"app{i:04d}", f"{team}-{env}", team, r))


def precommit(d, scale):
    os.makedirs(os.path.join(d, ".git"), exist_ok=True)
    for s in range(200 * scale):
        p = os.path.join(d, "stacks", f"s{s}")
        write(os.path.join(p, "providers.tf"), 'provider "aws" {\n  region = "eu-west-1"\n}\n')
        for i in range(9):
            write(os.path.join(p, f"f{i}.tf"), "".join(
                f'resource "aws_s3_bucket" "b{i}_{j}" {{\n  bucket = "bucket-{s}-{i}-{j}"\n}}\n\n' for j in range(5)))


GENERATORS = {"hcl-flat": hcl_flat, "hcl-modules": hcl_modules, "hcl-10k": hcl_10k, "plan": plan,
              "k8s-yaml": k8s_yaml, "precommit": precommit}
