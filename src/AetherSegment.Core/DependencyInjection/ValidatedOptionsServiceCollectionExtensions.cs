using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AetherSegment.DependencyInjection;

/// <summary>How every AetherSegment provider registers its options; for authors of further providers too.</summary>
public static class ValidatedOptionsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TOptions"/>, applies <paramref name="configure"/>, and checks them with
    /// <typeparamref name="TValidator"/> when the host starts (<c>ValidateOnStart</c>), so a bad setting stops the host
    /// with a message naming the setting instead of failing on first use. Calling it twice adds the validator once.
    /// </summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <typeparam name="TValidator">The validator; its messages should name the configuration key.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options (for example by binding a configuration section), or null.</param>
    /// <returns>The options builder, for further validation.</returns>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, Action<TOptions>? configure)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(services);
        OptionsBuilder<TOptions> options = services.AddOptions<TOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return options;
    }
}
