using System.Text;

namespace CertOperator.Kubernetes.Client;

/// <summary>Builds `?a=b&amp;c=d`, skipping unset values.</summary>
internal sealed class QueryString
{
    private readonly StringBuilder _builder = new();

    public QueryString Add(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _builder.Append(_builder.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        return this;
    }

    public override string ToString() => _builder.ToString();
}
