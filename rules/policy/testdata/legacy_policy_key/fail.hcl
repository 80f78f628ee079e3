path "secret/app/config" {
  policy = "read" # want: VG-POL-020
}
