// Whether an image is the firmware program or an on-target test suite.
namespace Nf.Images;

public enum ImageKind
{
    App,
    Test,
}
