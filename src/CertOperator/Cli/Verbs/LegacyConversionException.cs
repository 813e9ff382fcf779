namespace CertOperator.Cli.Verbs;

/// <summary>Legacy YAML that cannot be converted as written (an unknown provider or key algorithm).</summary>
internal sealed class LegacyConversionException : Exception
{
    public LegacyConversionException()
    {
    }

    public LegacyConversionException(string message)
        : base(message)
    {
    }

    public LegacyConversionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
