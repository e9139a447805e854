using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Probation.Standards.Extensions;
using Probation.Standards.Frameworks;

// Registration methods live in the namespace of IServiceCollection, as Microsoft.Extensions' own do, so that
// services.AddProbationStandards() is found without a using directive.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Probation.Standards services: <see cref="IProbationRater"/> and the <see cref="FrameworkCatalog"/> it uses.</summary>
public static class ProbationStandardsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IProbationRater"/> and <see cref="FrameworkCatalog"/> as singletons, configured by
    /// <see cref="ProbationStandardsOptions"/> (defaults: rules.md), with the options validated when the host starts
    /// (<c>ValidateOnStart</c>): one <see cref="OptionsValidationException"/> names every invalid setting. Without a
    /// host, the options are validated when either service is first resolved. Calling it again adds nothing twice.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddProbationStandards(this IServiceCollection services)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        services.AddOptions<ProbationStandardsOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProbationStandardsOptions>, ProbationStandardsOptionsValidator>());
        services.TryAddSingleton(provider => FrameworkLoader.Load(provider.GetRequiredService<IOptions<ProbationStandardsOptions>>().Value));
        services.TryAddSingleton<IProbationRater, ProbationRater>();
        return services;
    }

    /// <summary>Registers the services as <see cref="AddProbationStandards(IServiceCollection)"/> does, with options set in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, e.g. <c>o =&gt; o.BandingBasis = BandingBasis.RoundedPercentage</c>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddProbationStandards(this IServiceCollection services, Action<ProbationStandardsOptions> configure)
    {
        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        services.AddProbationStandards();
        services.Configure(configure);
        return services;
    }

    /// <summary>
    /// Registers the services as <see cref="AddProbationStandards(IServiceCollection)"/> does, with options read from
    /// the <c>ProbationStandards</c> section of <paramref name="configuration"/> (e.g. <c>builder.Configuration</c>;
    /// a section named <c>ProbationStandards</c> may be passed itself). A value that does not parse, or a key that is
    /// not a setting, is named among the validation failures at start-up.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration holding the <c>ProbationStandards</c> section.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddProbationStandards(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        var section = configuration is IConfigurationSection given && string.Equals(given.Key, ProbationStandardsOptions.SectionName, StringComparison.OrdinalIgnoreCase)
            ? given
            : configuration.GetSection(ProbationStandardsOptions.SectionName);
        services.AddProbationStandards();
        services.AddSingleton<IConfigureOptions<ProbationStandardsOptions>>(new ConfigureFromSection(section));
        services.AddSingleton<IValidateOptions<ProbationStandardsOptions>>(new ValidateSection(section));
        return services;
    }
}
