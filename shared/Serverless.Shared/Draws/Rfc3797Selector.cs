using System.Buffers;
using System.Text;

namespace Serverless.Shared.Draws;

/// <summary>
/// Selection of RFC 3797: selection j (from 0) takes <c>ValueAt(key, j) mod remaining</c> as the position
/// among the candidates not yet selected, kept in their original order.
/// </summary>
public static class Rfc3797Selector
{
    /// <summary>Largest number of selections from one key, one per two-byte index.</summary>
    public const int MaxCount = Rfc3797.MaxIndex + 1;

    // Up to this many selections, walking the sorted list of chosen positions beats building a Fenwick tree.
    private const int SortedListMaxCount = 64;

    /// <summary>
    /// Selects <paramref name="count"/> of <paramref name="candidateCount"/> candidates and returns their 0-based
    /// positions in selection order. Gives the same output as <see cref="SelectLiteral"/> in O(count log n).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or too large.</exception>
    public static IReadOnlyList<int> Select(string key, int candidateCount, int count)
    {
        Validate(key, candidateCount, count);
        return count <= SortedListMaxCount
            ? SelectWithSortedList(key, candidateCount, count)
            : SelectWithFenwickTree(key, candidateCount, count);
    }

    /// <summary>
    /// Selects like <see cref="Select"/> by the literal procedure of the RFC: a list of the remaining candidates
    /// from which each selection is removed. It takes O(count n) time and is the reference for tests.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or too large.</exception>
    public static IReadOnlyList<int> SelectLiteral(string key, int candidateCount, int count)
    {
        Validate(key, candidateCount, count);
        var remaining = new List<int>(candidateCount);
        for (var i = 0; i < candidateCount; i++)
        {
            remaining.Add(i);
        }

        var selected = new int[count];
        using var hasher = new IndexHasher(key);
        for (var j = 0; j < count; j++)
        {
            var position = hasher.PositionAt(j, remaining.Count);
            selected[j] = remaining[position];
            remaining.RemoveAt(position);
        }

        return selected;
    }

    /// <summary>Walks the ascending chosen positions for each pick: O(count²), no O(n) memory.</summary>
    internal static int[] SelectWithSortedList(string key, int candidateCount, int count)
    {
        Validate(key, candidateCount, count);
        var selected = new int[count];
        var chosen = new int[count];
        using var hasher = new IndexHasher(key);
        for (var j = 0; j < count; j++)
        {
            // Start at the rank and step past every chosen position at or before the position found so far.
            var original = hasher.PositionAt(j, candidateCount - j);
            var insertAt = 0;
            while (insertAt < j && chosen[insertAt] <= original)
            {
                original++;
                insertAt++;
            }

            Array.Copy(chosen, insertAt, chosen, insertAt + 1, j - insertAt);
            chosen[insertAt] = original;
            selected[j] = original;
        }

        return selected;
    }

    /// <summary>Keeps a Fenwick tree of remaining candidates and finds each pick by binary lifting.</summary>
    internal static int[] SelectWithFenwickTree(string key, int candidateCount, int count)
    {
        Validate(key, candidateCount, count);
        var selected = new int[count];
        if (count == 0)
        {
            return selected;
        }

        // tree[i] (1-based) counts the remaining candidates in (i - lowbit(i), i], which at first are all present.
        var tree = ArrayPool<int>.Shared.Rent(candidateCount + 1);
        try
        {
            for (var i = 1; i <= candidateCount; i++)
            {
                tree[i] = i & -i;
            }

            var highestBit = 1 << (31 - int.LeadingZeroCount(candidateCount));
            using var hasher = new IndexHasher(key);
            for (var j = 0; j < count; j++)
            {
                var rank = hasher.PositionAt(j, candidateCount - j);
                var position = FindAndRemove(tree, candidateCount, highestBit, rank);
                selected[j] = position;
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(tree);
        }

        return selected;
    }

    /// <summary>Returns the 0-based position of the remaining candidate of 0-based rank and removes it.</summary>
    private static int FindAndRemove(int[] tree, int size, int highestBit, int rank)
    {
        var node = 0;
        var before = rank;
        for (var step = highestBit; step > 0; step >>= 1)
        {
            var next = node + step;
            if (next <= size && tree[next] <= before)
            {
                node = next;
                before -= tree[next];
            }
        }

        // node is the largest 1-based prefix holding at most rank remaining candidates, so node + 1 is the pick.
        for (var i = node + 1; i <= size; i += i & -i)
        {
            tree[i]--;
        }

        return node;
    }

    private static void Validate(string key, int candidateCount, int count)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNegative(candidateCount);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > candidateCount)
        {
            throw new ArgumentOutOfRangeException(
                nameof(count), count, $"Cannot select {count} of {candidateCount} candidates.");
        }

        if (count > MaxCount)
        {
            throw new ArgumentOutOfRangeException(
                nameof(count), count, "One RFC 3797 key gives at most 65,536 selections, one per two-byte index.");
        }
    }

    /// <summary>Reuses one buffer holding the bracketed key for every index of a selection.</summary>
    private sealed class IndexHasher : IDisposable
    {
        private readonly byte[] buffer;
        private readonly int length;

        public IndexHasher(string key)
        {
            buffer = ArrayPool<byte>.Shared.Rent(Encoding.ASCII.GetByteCount(key) + 4);
            length = Rfc3797.WriteKeyBytes(key, buffer);
        }

        public int PositionAt(int index, int remaining)
        {
            var value = Rfc3797.ValueAt(buffer.AsSpan(0, length), index);
            return (int)(value % (uint)remaining);
        }

        public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);
    }
}
