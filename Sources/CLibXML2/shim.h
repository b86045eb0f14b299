// Debian's libxml2 headers pull in ICU, which clashes with Foundation's own ICU module
// ('UErrorCode' has different definitions in different modules). Include xmlversion.h first
// and switch the ICU part off before any other libxml header.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
