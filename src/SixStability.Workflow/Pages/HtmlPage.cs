using System.Net;

namespace SixStability.Workflow.Pages;

/// <summary>
/// The frame of every page people read: zh-CN, readable on a phone, no script needed, nothing an old
/// office browser (IE 11 / 360 兼容模式) cannot draw.
/// </summary>
public static class HtmlPage
{
    private const string Style = """
        body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",SimSun,sans-serif;margin:0;padding:12px;color:#222;background:#f6f6f4;line-height:1.6;word-wrap:break-word;overflow-wrap:anywhere}
        .wrap{max-width:860px;margin:0 auto}.wide{max-width:1400px}
        h1{font-size:20px;margin:8px 0}h2{font-size:17px;margin:4px 0 8px}
        section,.card{background:#fff;border:1px solid #ddd;border-radius:4px;padding:12px;margin:12px 0}
        label{display:block;font-weight:bold;margin-top:10px}
        textarea,input[type=text],input[type=number],input[type=date],select{width:100%;box-sizing:border-box;font-size:16px;padding:6px;border:1px solid #bbb;border-radius:3px}
        textarea{min-height:110px}
        button,.button{font-size:16px;padding:8px 16px;margin:10px 8px 0 0;border:1px solid #888;border-radius:3px;background:#eee;cursor:pointer;color:#222;text-decoration:none;display:inline-block}
        button.primary{background:#b22222;color:#fff;border-color:#b22222}
        .muted{color:#666;font-size:14px}
        .state{display:inline-block;white-space:nowrap;padding:0 6px;border-radius:3px;font-size:14px;color:#fff;background:#888}
        .s-Submitted{background:#2e7d32}.s-Draft{background:#1565c0}.s-Outstanding{background:#9e9e9e}.s-late{background:#c62828}
        .msg{padding:8px;border-radius:3px;margin:8px 0}.ok{background:#e8f5e9;border:1px solid #a5d6a7}.err{background:#ffebee;border:1px solid #ef9a9a}
        table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #ccc;padding:4px 6px;text-align:left;font-size:14px;vertical-align:top}
        .submitted{background:#fafafa;border-left:4px solid #2e7d32;padding:6px 10px;white-space:pre-wrap}
        """;

    /// <param name="wide">The coordinator's board wants the width of an office screen; a unit's form reads best narrow.</param>
    public static string Render(string title, string body, bool wide = false) =>
        $"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="X-UA-Compatible" content="IE=edge">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>{E(title)}</title>
        <style>{Style}</style>
        </head>
        <body><div class="wrap{(wide ? " wide" : string.Empty)}">
        {body}
        </div></body>
        </html>
        """;

    /// <summary>A clear page instead of a stack trace: what happened and what to do.</summary>
    public static string Error(string title, string detail) =>
        Render(title, $"<h1>{E(title)}</h1><div class=\"card\"><p>{E(detail)}</p><p class=\"muted\">如有疑问，请联系市发改委（“六稳六保”工作专班）。</p></div>");

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
