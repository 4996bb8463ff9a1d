#include "fakecloud.h"
