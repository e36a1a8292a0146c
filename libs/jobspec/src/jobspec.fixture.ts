// A jobspec using every block the parser maps (test data for parse-jobspec.blocks.spec.ts).
export const FULL_JOBSPEC = `
job "web" {
  region      = "eu"
  namespace   = "prod"
  type        = "service"
  priority    = 70
  all_at_once = true
  datacenters = ["dc1", "dc2"]
  node_pool   = "large"
  meta = { "team.name" = "core" }

  constraint {
    attribute = "\${attr.kernel.name}"
    value     = "linux"
  }
  constraint {
    distinct_hosts = true
  }
  constraint {
    attribute = "\${attr.nomad.version}"
    version   = ">= 1.6"
  }
  affinity {
    attribute = "\${node.datacenter}"
    value     = "dc1"
    weight    = 50
  }
  spread {
    attribute = "\${node.datacenter}"
    weight    = 100
    target "dc2" { percent = 30 }
    target "dc1" { percent = 70 }
  }
  update {
    max_parallel      = 2
    min_healthy_time  = "10s"
    healthy_deadline  = "5m"
    progress_deadline = "1h30m"
    auto_revert       = true
    canary            = 1
    stagger           = "2562047h"
  }
  migrate {
    max_parallel = 1
    health_check = "checks"
  }
  reschedule {
    delay          = "30s"
    delay_function = "exponential"
    max_delay      = "1h"
    unlimited      = true
  }
  vault {
    policies = ["web"]
  }

  group "frontend" {
    count = 3
    restart {
      attempts = 2
      interval = "30m"
      delay    = "15s"
      mode     = "fail"
    }
    ephemeral_disk {
      size    = 300
      sticky  = true
    }
    network {
      mode = "bridge"
      port "http" {
        to           = 8080
        host_network = "public"
      }
      port "admin" {
        static = 9000
      }
    }
    volume "certs" {
      type      = "host"
      source    = "certs"
      read_only = true
    }
    volume "data" {
      type            = "csi"
      source          = "data-vol"
      access_mode     = "single-node-writer"
      attachment_mode = "file-system"
      per_alloc       = true
      mount_options {
        fs_type = "ext4"
      }
    }
    service {
      name = "web"
      port = "http"
      tags = ["a", "b"]
      check {
        type     = "http"
        path     = "/health"
        interval = "10s"
        timeout  = "2s"
        header {
          Authorization = ["Basic x"]
        }
        check_restart {
          limit = 3
          grace = "90s"
        }
      }
    }
    scaling {
      min = 1
      max = 10
      policy {
        cooldown = "1m"
      }
    }

    task "server" {
      driver       = "docker"
      leader       = true
      kill_timeout = "20s"
      kill_signal  = "SIGINT"
      config {
        image = "nginx:1.25"
        ports = ["http"]
        mount {
          type   = "bind"
          target = "/etc/x"
        }
      }
      env {
        PORT = "8080"
        DEBUG = 1
      }
      resources {
        cpu        = 500
        memory     = 256
        memory_max = 512
        device "nvidia/gpu" {
          count = 1
        }
      }
      logs {
        max_files     = 3
        max_file_size = 10
      }
      template {
        data        = <<EOH
PORT={{ env "NOMAD_PORT_http" }}
EOH
        destination = "local/app.env"
        env         = true
        change_script {
          command       = "/reload"
          fail_on_error = true
        }
      }
      artifact {
        source      = "https://example.com/app.tgz"
        destination = "local/app"
        options {
          checksum = "sha256:abc"
        }
      }
      volume_mount {
        volume      = "certs"
        destination = "/certs"
      }
      lifecycle {
        hook    = "poststart"
        sidecar = true
      }
      scaling "mem" {
        max = 1024
      }
    }
    task "log-shipper" {
      driver = "exec"
      vault {
        policies    = ["logs"]
        change_mode = "signal"
      }
      csi_plugin {
        id   = "ebs"
        type = "monolith"
      }
    }
  }
}
`;

export const BATCH_JOBSPEC = `
job "report" {
  type = "batch"
  periodic {
    crons            = ["0 * * * *"]
    cron             = "*/15 * * * *"
    prohibit_overlap = true
    time_zone        = "Europe/Paris"
  }
  parameterized {
    payload       = "required"
    meta_required = ["customer"]
  }
  task "solo" {
    driver = "exec"
    dispatch_payload {
      file = "input.json"
    }
  }
}
`;
