using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.Web.HtmlRendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace SixStability.Workflow.Rendering;

/// <summary>
/// Renders Razor components to HTML outside a web request (pages, mail, the summary), so every value
/// is encoded by the renderer rather than by hand. Chinese stays readable in the output: the encoder
/// allows all of Unicode and still encodes &lt; &gt; &amp; and quotes.
/// </summary>
public sealed class HtmlComposer : IAsyncDisposable, IDisposable
{
    private readonly ServiceProvider services;
    private readonly HtmlRenderer renderer;

    public HtmlComposer(ILoggerFactory? loggerFactory = null)
    {
        ILoggerFactory logs = loggerFactory ?? NullLoggerFactory.Instance;
        services = new ServiceCollection()
            .AddSingleton<HtmlEncoder>(HtmlEncoder.Create(UnicodeRanges.All))
            .AddSingleton(logs)
            .BuildServiceProvider();
        renderer = new HtmlRenderer(services, logs);
    }

    public Task<string> RenderAsync<TComponent>(IReadOnlyDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return renderer.Dispatcher.InvokeAsync(async () =>
        {
            HtmlRootComponent root = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters.ToDictionary(p => p.Key, p => p.Value))).ConfigureAwait(false);
            return root.ToHtmlString();
        });
    }

    /// <summary>A whole page: the doctype and the component's markup.</summary>
    public async Task<string> PageAsync<TComponent>(IReadOnlyDictionary<string, object?> parameters)
        where TComponent : IComponent =>
        "<!DOCTYPE html>\n" + await RenderAsync<TComponent>(parameters).ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        await renderer.DisposeAsync().ConfigureAwait(false);
        await services.DisposeAsync().ConfigureAwait(false);
    }

    public void Dispose()
    {
        renderer.Dispose();
        services.Dispose();
    }
}
