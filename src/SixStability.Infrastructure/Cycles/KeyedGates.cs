namespace SixStability.Infrastructure.Cycles;

/// <summary>
/// One turn at a time per key within this process (keys share 256 stripes): the tally writes of one unit queue up here
/// instead of racing each other's ETags, so fifty clerks of one unit cost no storm of retries.
/// </summary>
internal sealed class KeyedGates
{
    private readonly SemaphoreSlim[] stripes = [.. Enumerable.Range(0, 256).Select(_ => new SemaphoreSlim(1, 1))];

    public async Task<IDisposable> EnterAsync(string key)
    {
        SemaphoreSlim stripe = stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)stripes.Length)];
        await stripe.WaitAsync().ConfigureAwait(false);
        return new Turn(stripe);
    }

    private sealed class Turn(SemaphoreSlim stripe) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                stripe.Release();
            }
        }
    }
}
