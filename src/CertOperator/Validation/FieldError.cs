namespace CertOperator.Validation;

/// <summary>A user error in a spec: the field path (e.g. `spec.dnsNames[2]`) and what to do about it.</summary>
internal sealed record FieldError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
