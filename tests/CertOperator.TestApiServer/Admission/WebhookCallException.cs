namespace CertOperator.TestApiServer.Admission;

/// <summary>A webhook that could not be called or answered nonsense; its failurePolicy decides what happens.</summary>
internal sealed class WebhookCallException(string message) : Exception(message);
