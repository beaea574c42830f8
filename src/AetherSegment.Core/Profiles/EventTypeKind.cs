using System.Text.Json.Serialization;

namespace AetherSegment.Profiles;

/// <summary>What a behavioral event type means to the product, so generic features can find, for example, product views.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EventTypeKind>))]
public enum EventTypeKind
{
    /// <summary>No special meaning (the default).</summary>
    [JsonStringEnumMemberName("other")] Other,

    /// <summary>A product view: what "engaged" counts when a filter names no event type, and what browsing means.</summary>
    [JsonStringEnumMemberName("view")] View,

    /// <summary>A page view that is not a product view.</summary>
    [JsonStringEnumMemberName("page_view")] PageView,

    /// <summary>A search.</summary>
    [JsonStringEnumMemberName("search")] Search,

    /// <summary>An item added to the cart.</summary>
    [JsonStringEnumMemberName("cart")] Cart,

    /// <summary>An item removed from the cart.</summary>
    [JsonStringEnumMemberName("cart_removal")] CartRemoval,

    /// <summary>An item added to a wishlist.</summary>
    [JsonStringEnumMemberName("wishlist")] Wishlist,

    /// <summary>A checkout started.</summary>
    [JsonStringEnumMemberName("checkout")] Checkout,
}
