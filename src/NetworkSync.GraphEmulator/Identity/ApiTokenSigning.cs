namespace NetworkSync.GraphEmulator;

/// <summary>How <see cref="ApiTokenIssuer.Issue"/> signs a token: normally, or in one of the ways a validator must refuse.</summary>
public enum ApiTokenSigning
{
    /// <summary>RS256 with the emulator's current signing key (the first key in the JWKS). The default.</summary>
    PrimaryKey,

    /// <summary>RS256 with the second published key, as after a key rollover: it validates like the primary one.</summary>
    RotatedKey,

    /// <summary>RS256 with a key the JWKS does not publish (its <c>kid</c> is in the header): no key is found to check it.</summary>
    UnknownKey,

    /// <summary>An unsecured JWS: header <c>{"alg":"none","typ":"JWT"}</c> and an empty signature (<c>header.payload.</c>).</summary>
    None,

    /// <summary>
    /// Signed with the primary key, but the signature was computed over a different payload, as if a genuine
    /// token's payload had been edited afterwards. The token carries exactly the requested claims.
    /// </summary>
    TamperedPayload,
}
