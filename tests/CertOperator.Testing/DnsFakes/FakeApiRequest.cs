namespace CertOperator.Testing.DnsFakes;

/// <summary>One request a <see cref="FakeApi"/> answered: what was asked, with which headers and body, and the status given.</summary>
public sealed record FakeApiRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body, int Status);
