namespace CertOperator.IngressShim;

/// <summary>One usable `spec.tls` entry: the Secret (and Certificate) name, its host names and its IP addresses.</summary>
internal sealed record IngressTlsEntry(string SecretName, List<string> DnsNames, List<string> IpAddresses);
