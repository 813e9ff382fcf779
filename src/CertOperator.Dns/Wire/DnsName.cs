namespace CertOperator.Dns.Wire;

/// <summary>Domain names as absolute, dot-terminated strings ("_acme-challenge.example.com.").</summary>
internal static class DnsName
{
    public const string Root = ".";

    public static string Absolute(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var trimmed = name.Trim();
        return trimmed.EndsWith('.') ? trimmed : trimmed + ".";
    }

    /// <summary>The name with its first label removed, or null for the root.</summary>
    public static string? Parent(string name)
    {
        var absolute = Absolute(name);
        if (absolute == Root)
        {
            return null;
        }

        var dot = absolute.IndexOf('.', StringComparison.Ordinal);
        return dot == absolute.Length - 1 ? Root : absolute[(dot + 1)..];
    }

    public static bool AreEqual(string left, string right) =>
        string.Equals(Absolute(left), Absolute(right), StringComparison.OrdinalIgnoreCase);

    /// <summary>The labels of an absolute name, without the empty root label.</summary>
    public static string[] Labels(string name)
    {
        var absolute = Absolute(name);
        return absolute == Root ? [] : absolute[..^1].Split('.');
    }
}
