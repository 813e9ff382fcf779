namespace CertOperator.Acme;

/// <summary>
/// Told about every HTTP request the client sends, retries and nonce fetches included, e.g. to count them as
/// metrics. Called on the requesting thread, so it must be thread-safe and quick.
/// </summary>
public interface IAcmeRequestObserver
{
    void RequestCompleted(AcmeRequestObservation request);
}
