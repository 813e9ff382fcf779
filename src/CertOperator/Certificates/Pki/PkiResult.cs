using System.Diagnostics.CodeAnalysis;

namespace CertOperator.Certificates.Pki;

/// <summary>Either a value or the <see cref="PkiError"/> explaining why there is none; user input never throws.</summary>
internal sealed class PkiResult<T>
{
    private PkiResult(T? value, PkiError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public PkiError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Ok => Error is null;

    public static implicit operator PkiResult<T>(T value) => new(value, null);

    public static implicit operator PkiResult<T>(PkiError error) => new(default, error);
}
