namespace CertOperator.Generation;

/// <summary>One RBAC policy rule: the API groups, resources and verbs a controller needs, optionally only on the named objects.</summary>
internal sealed record RbacRule(string[] ApiGroups, string[] Resources, string[] Verbs, string[]? ResourceNames = null);
