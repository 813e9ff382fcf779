namespace CertOperator.TestApiServer;

/// <summary>Settings for <see cref="KubeApiServer.StartAsync"/>.</summary>
public sealed class KubeApiServerOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks any free port.</summary>
    public int Port { get; set; }

    /// <summary>Number of events retained per resource for watch resume; older resourceVersions get 410 Expired.</summary>
    public int WatchHistoryWindow { get; set; } = 1000;

    /// <summary>Every CRD YAML file in this directory is applied at start (and after a restart without storage).</summary>
    public string? CrdDirectory { get; set; }

    /// <summary>Further directories of CRD YAML loaded after <see cref="CrdDirectory"/>, e.g. the Gateway API's.</summary>
    public IReadOnlyList<string> MoreCrdDirectories { get; set; } = [];

    /// <summary>How often a watch with allowWatchBookmarks=true receives a BOOKMARK when idle.</summary>
    public TimeSpan BookmarkInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Clock for timestamps and Table ages.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;
}
