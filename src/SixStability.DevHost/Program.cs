using System.Text;
using SixStability.DevHost.Cli;
using SixStability.DevHost.Hosting;
using SixStability.Infrastructure.Configuration;

// One executable, four jobs (README, CONTRACT.md): serve, demo, plan import, schedule.
Console.OutputEncoding = Encoding.UTF8;

switch (args)
{
    case ["plan", "import", .. var rest]:
        return PlanImportCommand.Run(rest, Console.Out, Console.Error);

    case ["schedule", .. var rest]:
        return ScheduleCommand.Run(rest, Environment.GetEnvironmentVariable("Calendar__HolidaysPath"), Console.Out, Console.Error);

    case ["demo", .. var rest]:
        try
        {
            return await DemoCommand.RunAsync(rest, Console.Out, Console.Error);
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or IOException)
        {
            Console.Error.WriteLine($"演示失败：{ex.Message}");
            return 1;
        }

    case []:
    case [['-', '-', ..], ..]:
        try
        {
            await using WebApplication app = DevHostApp.Build(args);
            await app.RunAsync();
            return 0;
        }
        catch (StartupConfigurationException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }

    default:
        Console.Error.WriteLine("""
            用法：
              dotnet run --project src/SixStability.DevHost                       启动本地服务（http://localhost:7071）
              dotnet run --project src/SixStability.DevHost -- demo               运行演示
              dotnet run --project src/SixStability.DevHost -- plan import 文件 --json
              dotnet run --project src/SixStability.DevHost -- schedule --quarter 2020Q3 --json
            """);
        return 2;
}
