namespace CertOperator.Dns;

/// <summary>A TSIG key. The secret is kept out of <see cref="ToString"/> and every message this library produces.</summary>
public sealed class TsigKey
{
    public TsigKey(string name, TsigAlgorithm algorithm, string base64Secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(algorithm);
        ArgumentException.ThrowIfNullOrWhiteSpace(base64Secret);
        Name = name.Trim().EndsWith('.') ? name.Trim() : name.Trim() + ".";
        Algorithm = algorithm;
        try
        {
            Secret = Convert.FromBase64String(base64Secret.Trim());
        }
        catch (FormatException)
        {
            // The original exception text could echo the input; this one never does.
            throw new ArgumentException($"The secret of TSIG key '{DisplayName}' is not valid base64: check tsigSecretSecretRef.", nameof(base64Secret));
        }
    }

    /// <summary>The key name as an absolute domain name ("acme-key.").</summary>
    public string Name { get; }

    /// <summary>The key name as users write it, without the trailing dot.</summary>
    public string DisplayName => Name.TrimEnd('.');

    public TsigAlgorithm Algorithm { get; }

    internal byte[] Secret { get; }

    public override string ToString() => $"TSIG key '{DisplayName}' ({Algorithm})";
}
