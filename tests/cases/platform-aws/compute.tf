resource "aws_eks_cluster" "training" {
  name     = "training"
  role_arn = "arn:aws:iam::123456789012:role/eks"
  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  }
}

resource "aws_launch_template" "gpu" {
  name          = "gpu-nodes"
  instance_type = "p5.48xlarge"
}

resource "aws_eks_node_group" "gpu" {  # expect: RES403
  cluster_name    = aws_eks_cluster.training.name
  node_group_name = "gpu"
  node_role_arn   = "arn:aws:iam::123456789012:role/nodes"
  subnet_ids      = ["subnet-0a1b2c3d"]
  launch_template {
    id      = aws_launch_template.gpu.id
    version = "$Latest"
  }
  scaling_config {
    desired_size = 2
    max_size     = 4
    min_size     = 0
  }
}

resource "aws_api_gateway_rest_api" "inference" {  # expect: RES301
  name = "inference"
}
