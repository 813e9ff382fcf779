namespace CertOperator.Acme.Solvers;

/// <summary>A solver cannot work as configured (missing provider, Secret or key); retrying will not help until the user fixes it.</summary>
internal sealed class SolverConfigurationException : Exception
{
    public SolverConfigurationException()
    {
    }

    public SolverConfigurationException(string message)
        : base(message)
    {
    }

    public SolverConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
