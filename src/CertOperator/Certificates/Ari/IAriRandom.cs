namespace CertOperator.Certificates.Ari;

/// <summary>Where ARI's spreading comes from: the instant chosen in a suggested window and the jitter of the next poll.</summary>
internal interface IAriRandom
{
    /// <summary>
    /// A fraction in [0, 1) that stays the same for one certificate, so the trigger and readiness controllers, every
    /// reconcile and every restart choose the same instant in its window without storing the choice.
    /// </summary>
    double WindowFraction(string certificateId);

    /// <summary>A fresh fraction in [0, 1) for the jitter of the next renewalInfo poll.</summary>
    double NextFraction();
}
