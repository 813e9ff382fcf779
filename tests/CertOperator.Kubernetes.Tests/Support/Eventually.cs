namespace CertOperator.Kubernetes.Tests.Support;

/// <summary>Polls a condition that background work will make true, failing with a message after a timeout.</summary>
internal static class Eventually
{
    public static async Task True(Func<bool> condition, string because, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out waiting until {because}");
            }

            await Task.Delay(10);
        }
    }

    public static async Task TrueAsync(Func<Task<bool>> condition, string because, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out waiting until {because}");
            }

            await Task.Delay(20);
        }
    }
}
