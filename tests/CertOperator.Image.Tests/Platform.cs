// podman, runc and the image's Linux binary: these tests run on Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
