#include "protocolversion.h"
