using CertOperator.Crds.Certificates;

namespace CertOperator.Validation;

/// <summary>A Certificate's subject alternative names: DNS names, IP addresses, URIs, email addresses and otherNames.</summary>
internal static class SubjectAltNameRules
{
    public static void Validate(CertificateSpec spec, List<FieldError> errors)
    {
        Each(spec.DnsNames, "spec.dnsNames", DnsNameRules.Problem, errors);
        Each(spec.IpAddresses, "spec.ipAddresses",
            ip => AddressRules.IsIp(ip) ? null : $"\"{ip}\": invalid IP address; write an IPv4 address like 10.0.0.1 or an IPv6 address like 2001:db8::1",
            errors);
        Each(spec.Uris, "spec.uris",
            uri => AddressRules.IsAbsoluteUri(uri) ? null : $"\"{uri}\" is not an absolute URI; include the scheme, e.g. spiffe://cluster.local/ns/default/sa/web",
            errors);
        Each(spec.EmailAddresses, "spec.emailAddresses",
            email => AddressRules.EmailProblem(email) is { } problem ? $"\"{email}\": {problem}" : null,
            errors);
        ValidateOtherNames(spec.OtherNames ?? [], errors);
    }

    private static void Each(List<string>? values, string field, Func<string, string?> problem, List<FieldError> errors)
    {
        var list = values ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            if (problem(list[i]) is { } message)
            {
                errors.Add(new($"{field}[{i}]", message));
            }
        }
    }

    private static void ValidateOtherNames(List<OtherName> otherNames, List<FieldError> errors)
    {
        for (var i = 0; i < otherNames.Count; i++)
        {
            var path = $"spec.otherNames[{i}]";
            var oid = otherNames[i].Oid ?? "";
            if (oid.Length == 0)
            {
                errors.Add(new($"{path}.oid", "must be specified: the dotted object identifier of the otherName, e.g. 1.3.6.1.4.1.311.20.2.3 for a UPN"));
            }
            else if (!AddressRules.IsOid(oid))
            {
                errors.Add(new($"{path}.oid", $"\"{oid}\": invalid oid syntax; write dotted numbers such as 1.3.6.1.4.1.311.20.2.3"));
            }

            if (string.IsNullOrEmpty(otherNames[i].Utf8Value))
            {
                errors.Add(new($"{path}.utf8Value", "must be set to a valid non-empty UTF8 string"));
            }
        }
    }
}
