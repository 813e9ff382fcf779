namespace CertOperator.Tests.EndToEnd.Hostile;

/// <summary>One bad manifest (with whatever it needs beside it) and exactly what must come of it.</summary>
internal sealed record HostileCase(string Class, string Name, string Yaml, params Outcome[] Expected)
{
    public override string ToString() => $"{Class}/{Name}";
}

/// <summary>What a hostile manifest must lead to; every outcome names the field or the conflict.</summary>
internal abstract record Outcome;

/// <summary>`kubectl apply` fails and its error contains <paramref name="Fragment"/>.</summary>
internal sealed record RejectedAtApply(string Fragment) : Outcome;

/// <summary>The object carries the condition with this status and reason, its message containing <paramref name="Fragment"/>.</summary>
internal sealed record HasCondition(string Resource, string Namespace, string Name, string Type, string Status, string Reason, string Fragment) : Outcome;

/// <summary>A Warning Event with this reason about the object, its message containing <paramref name="Fragment"/>.</summary>
internal sealed record HasWarningEvent(string Kind, string Namespace, string Name, string Reason, string Fragment) : Outcome;
