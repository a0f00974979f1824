namespace Dashboard.Core.Iam.Inventory;

/// <summary>
/// IAM inventory input that cannot be read (not an authorization-details dump, a list that is not a list,
/// a timestamp that is not a time…). The message names the member, e.g. <c>RoleDetailList[3].CreateDate</c>.
/// Malformed policy documents are not this: they are kept and reported per policy when parsed.
/// </summary>
public sealed class IamInventoryFormatException(string message, Exception? innerException = null) : Exception(message, innerException);
