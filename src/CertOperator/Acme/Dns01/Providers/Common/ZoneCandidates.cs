namespace CertOperator.Acme.Dns01.Providers.Common;

/// <summary>
/// The names a record's zone may have, longest first (`_acme-challenge.a.example.com`, `a.example.com`, `example.com`, `com`):
/// providers ask their API for each until one is a zone they host, which finds the closest enclosing zone
/// without depending on what public DNS says.
/// </summary>
internal static class ZoneCandidates
{
    public static IEnumerable<string> Of(string fqdn)
    {
        var name = fqdn.TrimEnd('.');
        while (name.Length > 0)
        {
            yield return name;
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            name = dot < 0 ? "" : name[(dot + 1)..];
        }
    }

    /// <summary><paramref name="fqdn"/> relative to <paramref name="zone"/> (`_acme-challenge.a` in `example.com`), `@` at the apex.</summary>
    public static string Relative(string fqdn, string zone)
    {
        var name = fqdn.TrimEnd('.');
        var apex = zone.TrimEnd('.');
        return string.Equals(name, apex, StringComparison.OrdinalIgnoreCase)
            ? "@"
            : name.EndsWith("." + apex, StringComparison.OrdinalIgnoreCase)
                ? name[..^(apex.Length + 1)]
                : throw new ArgumentException($"{fqdn} is not in zone {zone}", nameof(fqdn));
    }
}
