using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

// CA1716 guards Visual Basic callers, for whom Public is a keyword; nothing references a test assembly.
[assembly: System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Naming",
    "CA1716:Identifiers should not match keywords",
    Scope = "namespace",
    Target = "~N:Serverless.Integration.Tests.Public",
    Justification = "Test namespaces mirror the product folder Public; no other assembly references them.")]

namespace Serverless.Integration.Tests.Public;

/// <summary>
/// Debian's chromium driven through /usr/bin/chromedriver, headless, with a fresh profile and nothing that
/// reaches the network on its own. <c>.ci/run</c> installs both packages.
/// </summary>
internal sealed class HeadlessChromium : IDisposable
{
    public const string BrowserPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";

    private readonly string profile;

    private HeadlessChromium(ChromeDriver driver, string profile)
    {
        Driver = driver;
        this.profile = profile;
    }

    public ChromeDriver Driver { get; }

    /// <summary>Starts the browser with a phone-sized window, so the pages are checked at the width of a phone.</summary>
    public static HeadlessChromium Start()
    {
        if (!File.Exists(BrowserPath) || !File.Exists(DriverPath))
        {
            throw new InvalidOperationException(
                $"{BrowserPath} or {DriverPath} is missing; install them with 'apt-get install -y chromium chromium-driver'.");
        }

        var profile = Path.Combine(Path.GetTempPath(), "serverless-chromium-" + Guid.NewGuid().ToString("N")[..8]);
        var options = new ChromeOptions { BinaryLocation = BrowserPath };
        options.AddArguments(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--window-size=412,1600",
            "--user-data-dir=" + profile);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        return new HeadlessChromium(new ChromeDriver(service, options, TimeSpan.FromSeconds(60)), profile);
    }

    /// <summary>Opens a page and returns its visible text.</summary>
    public string Open(Uri url)
    {
        Driver.Navigate().GoToUrl(url);
        return Driver.FindElement(By.TagName("body")).Text;
    }

    /// <summary>Saves a screenshot of the current page and returns its path.</summary>
    public string SaveScreenshot(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts", "public-pages");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        Driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // The browser may still hold a file for a moment; the profile sits in the temp folder anyway.
        }
    }
}
