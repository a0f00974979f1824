using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace Dashboard.Aws.Client;

/// <summary>
/// An unmarshaller context that does not parse: it reads the whole body as bytes once. Error bodies go
/// through the SDK's caching stream so its own logging of <see cref="UnmarshallerContext.ResponseBody"/> works.
/// </summary>
public sealed class RawBodyUnmarshallerContext : UnmarshallerContext
{
    private readonly Stream _stream;
    private byte[]? _body;

    public RawBodyUnmarshallerContext(Stream responseStream, IWebResponseData? responseData, bool isException)
    {
        ArgumentNullException.ThrowIfNull(responseStream);
        WebResponseData = responseData;
        IsException = isException;
        MaintainResponseBody = false;
        if (isException)
        {
            WrappingStream = new CachingWrapperStream(responseStream, null);
            _stream = WrappingStream;
        }
        else
        {
            _stream = responseStream;
        }
    }

    /// <summary>The whole response body; read on first use.</summary>
    public byte[] Body
    {
        get
        {
            if (_body is null)
            {
                using var buffer = new MemoryStream();
                _stream.CopyTo(buffer);
                _body = buffer.ToArray();
            }
            return _body;
        }
    }

    public override string CurrentPath => "";
    public override int CurrentDepth => 0;
    public override bool IsStartElement => false;
    public override bool IsEndElement => false;
    public override bool IsStartOfDocument => _body is null;
}
