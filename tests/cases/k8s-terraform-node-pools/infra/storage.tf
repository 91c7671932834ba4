resource "kubernetes_storage_class_v1" "regional" {
  metadata {
    name = "regional-eu"
  }
  storage_provisioner = "pd.csi.storage.gke.io"
  volume_binding_mode = "WaitForFirstConsumer"
  allowed_topologies {
    match_label_expressions {
      key    = "topology.gke.io/zone"
      values = ["europe-west4-a", "europe-west4-b"]
    }
  }
}

resource "kubernetes_storage_class_v1" "scratch" {  # expect: RES206
  metadata {
    name = "scratch"
  }
  storage_provisioner = "pd.csi.storage.gke.io"
}
