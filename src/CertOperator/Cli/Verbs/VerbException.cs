namespace CertOperator.Cli.Verbs;

/// <summary>A failure the user can act on (missing object, wrong issuer kind); its message is printed as is.</summary>
internal sealed class VerbException : Exception
{
    public VerbException()
    {
    }

    public VerbException(string message)
        : base(message)
    {
    }

    public VerbException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
