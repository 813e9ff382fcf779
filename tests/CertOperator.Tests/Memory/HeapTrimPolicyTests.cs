using CertOperator.Memory;
using Xunit;

namespace CertOperator.Tests.Memory;

public sealed class HeapTrimPolicyTests
{
    private const long MiB = 1 << 20;

    [Theory]
    [InlineData(0, 0, false)]                  // nothing happened
    [InlineData(15 * MiB, 0, false)]           // quiet, but too little since the last trim to be worth a full collection
    [InlineData(16 * MiB, 0, true)]            // a burst, then quiet
    [InlineData(200 * MiB, MiB - 1, true)]     // idle traffic (scrapes, lease renewals) still counts as quiet
    [InlineData(200 * MiB, MiB, false)]        // still busy: wait for the burst to end
    [InlineData(200 * MiB, 40 * MiB, false)]
    public void Trims_once_a_burst_has_gone_quiet(long sinceTrim, long inPeriod, bool expected) =>
        Assert.Equal(expected, HeapTrimPolicy.Default.ShouldTrim(sinceTrim, inPeriod));
}
