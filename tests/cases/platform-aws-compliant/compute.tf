resource "aws_eks_cluster" "platform" {
  name     = "platform"
  role_arn = "arn:aws:iam::123456789012:role/eks"
  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  }
}

resource "aws_launch_template" "confidential" {
  name          = "confidential-nodes"
  instance_type = "m6a.4xlarge"
  cpu_options {
    amd_sev_snp = "enabled"
  }
}

resource "aws_eks_node_group" "confidential" {
  cluster_name    = aws_eks_cluster.platform.name
  node_group_name = "confidential"
  node_role_arn   = "arn:aws:iam::123456789012:role/nodes"
  subnet_ids      = ["subnet-0a1b2c3d"]
  launch_template {
    id      = aws_launch_template.confidential.id
    version = "$Latest"
  }
  scaling_config {
    desired_size = 2
    max_size     = 4
    min_size     = 0
  }
}

resource "aws_api_gateway_rest_api" "inference" {
  name = "inference"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}
