global using System;
global using System.IO;
global using System.Linq;
