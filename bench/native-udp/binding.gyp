{
  "targets": [
    {
      "target_name": "udpmmsg",
      "sources": ["udpmmsg.c"],
      "cflags": ["-O2", "-Wall", "-Wextra", "-Wno-unused-parameter"]
    }
  ]
}
