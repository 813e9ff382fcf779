namespace CertOperator.Generation;

/// <summary>One RBAC policy rule: the API groups, resources and verbs a controller needs.</summary>
internal sealed record RbacRule(string[] ApiGroups, string[] Resources, string[] Verbs);
