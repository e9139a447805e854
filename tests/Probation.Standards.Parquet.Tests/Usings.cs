global using System;
global using System.Collections.Generic;
global using System.IO;
global using System.Linq;
global using NUnit.Framework;
global using Shouldly;
global using System.Threading.Tasks;
