namespace Fluent.Docker;

/// <summary>
/// Why a text is not an image reference: the error classes of distribution/reference (the grammar docker, containerd
/// and BuildKit share) and of go-digest, which it uses for digests.
/// </summary>
public enum ImageReferenceError
{
    /// <summary>Not the reference grammar at all (distribution: <c>ErrReferenceInvalidFormat</c>).</summary>
    ReferenceInvalidFormat,

    /// <summary>A tag outside <c>[\w][\w.-]{0,127}</c> given to <c>WithTag</c> (<c>ErrTagInvalidFormat</c>).</summary>
    TagInvalidFormat,

    /// <summary>A digest outside <c>algorithm:hex</c>, or hex that is not lowercase (<c>ErrDigestInvalidFormat</c>, go-digest's too).</summary>
    DigestInvalidFormat,

    /// <summary>The repository contains uppercase letters (<c>ErrNameContainsUppercase</c>).</summary>
    NameContainsUppercase,

    /// <summary>Nothing was given (<c>ErrNameEmpty</c>).</summary>
    NameEmpty,

    /// <summary>The repository path is over 255 characters (<c>ErrNameTooLong</c>).</summary>
    NameTooLong,

    /// <summary>The text is not in fully qualified form when that is required (<c>ErrNameNotCanonical</c>).</summary>
    NameNotCanonical,

    /// <summary>The digest's hex part has the wrong length for its algorithm (go-digest <c>ErrDigestInvalidLength</c>).</summary>
    DigestInvalidLength,

    /// <summary>A well-formed digest with an algorithm the registry tooling does not support (go-digest <c>ErrDigestUnsupported</c>).</summary>
    DigestUnsupported,

    /// <summary>A 64-digit hex string, which is an image ID and never a repository name (ParseNormalizedNamed refuses it).</summary>
    NameIsIdentifier,
}
