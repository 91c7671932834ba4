// RES403: EC2 compute (instances, launch templates, EKS node groups) runs without AMD SEV-SNP.
#include "rules/rules.hpp"

namespace residency::rules {
namespace {

constexpr std::string_view kReferences[] = {
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/sev-snp.html",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#amd_sev_snp",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/launch_template#amd_sev_snp",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_node_group#launch_template",
};

constexpr AssetClass kApplies[] = {AssetClass::Compute};

constexpr RuleExample kBad[] = {
    {"a GPU training instance and an EKS node group (default scope)", R"(-- main.tf --
provider "aws" {
  region = "eu-west-1"
}

resource "aws_instance" "trainer" {  # expect: RES403
  ami           = "ami-0a1b2c3d4e5f67890"
  instance_type = "p4d.24xlarge"
}

resource "aws_launch_template" "nodes" {
  name          = "nodes"
  instance_type = "m6a.2xlarge"
}

resource "aws_eks_node_group" "inference" {  # expect: RES403
  cluster_name    = "ml"
  node_group_name = "inference"
  node_role_arn   = "arn:aws:iam::123456789012:role/eks-nodes"
  subnet_ids      = ["subnet-0a1b2c3d"]

  launch_template {
    id      = aws_launch_template.nodes.id
    version = aws_launch_template.nodes.latest_version
  }

  scaling_config {
    desired_size = 2
    max_size     = 4
    min_size     = 1
  }
}
)"},
    {"every VM in scope: SEV-SNP turned off", R"(-- residency.yaml --
version: 1
jurisdiction: eu
require:
  tee: [vms]
-- main.tf --
provider "aws" {
  region = "eu-central-1"
}

resource "aws_launch_template" "workers" {
  name          = "workers"
  instance_type = "c6a.4xlarge"

  cpu_options {
    amd_sev_snp = "disabled"  # expect: RES403
  }
}
)"},
};

constexpr RuleExample kGood[] = {
    {"SEV-SNP on a launch template that an EKS node group uses", R"(-- residency.yaml --
version: 1
jurisdiction: eu
require:
  tee: [node-pools, vms]
-- main.tf --
provider "aws" {
  region = "eu-west-1"
}

resource "aws_launch_template" "nodes" {
  name          = "nodes"
  instance_type = "r6a.4xlarge"

  cpu_options {
    amd_sev_snp = "enabled"
  }
}

resource "aws_eks_node_group" "inference" {
  cluster_name    = "ml"
  node_group_name = "inference"
  node_role_arn   = "arn:aws:iam::123456789012:role/eks-nodes"
  subnet_ids      = ["subnet-0a1b2c3d"]

  launch_template {
    id      = aws_launch_template.nodes.id
    version = aws_launch_template.nodes.latest_version
  }

  scaling_config {
    desired_size = 2
    max_size     = 4
    min_size     = 1
  }
}

resource "aws_instance" "feature_server" {
  ami           = "ami-0a1b2c3d4e5f67890"
  instance_type = "m6a.xlarge"

  cpu_options {
    amd_sev_snp = "enabled"
  }
}
)"},
};

void check(const Facts& facts, RuleOutput& out) { report_without_tee(facts, out, "aws-sev-snp"); }

constexpr RuleMeta kMeta{
    .id = "RES403",
    .name = "aws-compute-without-sev-snp",
    .family = "confidential-compute",
    .severity = Severity::Medium,
    .title = "EC2 compute for AI data runs without AMD SEV-SNP",
    .why = "Without AMD SEV-SNP an EC2 instance's memory is not encrypted against the host, so the data a "
           "training job or inference server holds in memory is readable by whoever controls the hypervisor. "
           "SEV-SNP can only be chosen at launch, and only M6a, R6a and C6a instances support it: a GPU "
           "instance cannot have it at all. EKS managed node groups have no argument of their own: SEV-SNP "
           "comes from their launch template. Scope: aws_eks_node_group (node pools) and GPU or accelerator "
           "instances (P, G, Inf, Trn, DL families) by default; every aws_instance, aws_spot_instance_request "
           "and aws_launch_template with `require.tee: [vms]`. A launch template that a node group of the scan "
           "uses is reported as the node group.",
    .fix = "Launch on an M6a, R6a or C6a instance type with `cpu_options { amd_sev_snp = \"enabled\" }` (on the "
           "instance, or on the launch template an EKS node group uses). Where the workload needs a GPU, keep "
           "it in an environment that offers confidential GPUs.",
    .references = kReferences,
    .applies_to = kApplies,
    .reads = "compute facts of aws_instance, aws_spot_instance_request, aws_launch_template and aws_eks_node_group",
    .bad = kBad,
    .good = kGood,
};

}  // namespace

extern const Rule RES403{&kMeta, check};

}  // namespace residency::rules
