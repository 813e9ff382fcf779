namespace CertOperator.Testing.Bind;

/// <summary>A TSIG key named knows: <paramref name="Algorithm"/> in bind's spelling (hmac-sha256), secret in base64.</summary>
public sealed record BindKey(string Name, string Algorithm, string Secret)
{
    // Keeps the secret out of test output, as the code under test must.
    public override string ToString() => $"{Name} ({Algorithm})";
}
