namespace Serverless.Host.Hosting;

/// <summary>Finds the checkout the host runs from, so local state lands in one place.</summary>
internal static class RepositoryRoot
{
    /// <summary>
    /// Returns the nearest folder holding Serverless.sln above the current folder or the executable, or the
    /// current folder when the host runs outside a checkout.
    /// </summary>
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Serverless.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
