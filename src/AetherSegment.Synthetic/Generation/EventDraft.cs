using AetherSegment.Synthetic.DataModel;
namespace AetherSegment.Synthetic.Generation;

/// <summary>One behavioral event before it is written: indexes into the vocabularies, times in Unix seconds.</summary>
internal struct EventDraft
{
    public int Type;
    public long At;
    public int Category;
    public int ProductType;
    public int Session;
    public int DurationSeconds;
    public int Device;
}

/// <summary>The event type indexes of <see cref="DataModel.RetailCatalog.EventTypes"/>.</summary>
internal static class EventTypeIndex
{
    public const int PageView = 0;
    public const int ProductView = 1;
    public const int Search = 2;
    public const int AddToCart = 3;
    public const int RemoveFromCart = 4;
    public const int WishlistAdd = 5;
    public const int CheckoutStart = 6;
    public const int RoomPlannerUse = 7;
    public const int ArView = 8;
    public const int StockCheck = 9;

    /// <summary>Whether an event of this type is about a product (category and product type set).</summary>
    public static bool HasProduct(int type) => type is ProductView or AddToCart or RemoveFromCart or WishlistAdd or ArView or StockCheck;

    /// <summary>Whether an event of this type names a category only.</summary>
    public static bool HasCategoryOnly(int type) => type == RoomPlannerUse;
}
